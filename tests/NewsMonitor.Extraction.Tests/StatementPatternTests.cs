namespace NewsMonitor.Extraction.Tests;

/// <summary>One short article per attribution pattern, with the exact statements expected from it.</summary>
public sealed class StatementPatternTests
{
    private static IReadOnlyList<Statement> Extract(string text) => new StatementExtractor().Extract(text);

    private static Statement Only(string text)
    {
        var statements = Extract(text);
        var statement = Assert.Single(statements);
        Assert.Equal(statement.Text, text[statement.Start..statement.End]);
        return statement;
    }

    [Fact]
    public void Quote_then_cue_then_name_with_appositive_role()
    {
        var s = Only("“We will not raise taxes this year,” said Jane Doe, the finance minister, at a press conference.");
        Assert.Equal(StatementKind.Direct, s.Kind);
        Assert.Equal("We will not raise taxes this year", s.Text);
        Assert.Equal(new Speaker("Jane Doe", "Jane Doe, the finance minister", "the finance minister", null), s.Speaker);
        Assert.Equal("said", s.Cue);
        Assert.Equal("quote-then-attribution", s.Pattern);
    }

    [Fact]
    public void Quote_then_name_then_cue_in_straight_quotes()
    {
        var s = Only("\"The economy is recovering faster than expected,\" John Smith said.");
        Assert.Equal("The economy is recovering faster than expected", s.Text);
        Assert.Equal("John Smith", s.Speaker?.Name);
        Assert.Equal("said", s.Cue);
    }

    [Fact]
    public void Attribution_before_the_quote_with_a_colon()
    {
        var s = Only("Mayor Ana Lopez told reporters: “The bridge will reopen on Monday.”");
        Assert.Equal(StatementKind.Direct, s.Kind);
        Assert.Equal("The bridge will reopen on Monday.", s.Text);
        Assert.Equal("Ana Lopez", s.Speaker?.Name);
        Assert.Equal("Mayor", s.Speaker?.Role);
        Assert.Equal("told", s.Cue);
    }

    [Fact]
    public void Quote_interrupted_by_its_attribution_is_one_statement()
    {
        const string text = "“We have a process,” Emanuel said. “It is called an election.”";
        var s = Only(text);
        Assert.Equal(text.IndexOf("We have", StringComparison.Ordinal), s.Start);
        Assert.EndsWith("It is called an election.", s.Text, StringComparison.Ordinal);
        Assert.Equal("Emanuel", s.Speaker?.Name);
    }

    [Fact]
    public void Quote_running_over_two_paragraphs_is_one_statement()
    {
        var s = Only("“The first part of the plan is simple,” said Dr. Maria Chen, the city’s health officer. “We vaccinate everyone who asks.\n\n“The second part is harder, and we will need the state to help us pay for it.”");
        Assert.Equal("Maria Chen", s.Speaker?.Name);
        Assert.StartsWith("The first part of the plan is simple", s.Text, StringComparison.Ordinal);
        Assert.EndsWith("help us pay for it.", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_quote_inside_a_reported_clause()
    {
        var s = Only("Qi Xiaoxia, head of the international cooperation office, argued that there is “no reason for concern”.");
        Assert.Equal(StatementKind.Mixed, s.Kind);
        Assert.Equal("that there is “no reason for concern”", s.Text);
        Assert.Equal("argued", s.Cue);
        Assert.Equal("head of the international cooperation office", s.Speaker?.Role);
    }

    [Fact]
    public void Indirect_speech_with_that()
    {
        var s = Only("The ministry said on Tuesday that exports rose by four percent in October.");
        Assert.Equal(StatementKind.Indirect, s.Kind);
        Assert.Equal("that exports rose by four percent in October", s.Text);
        Assert.Equal("the ministry", s.Speaker?.Mention, StringComparer.OrdinalIgnoreCase);
        Assert.Null(s.Speaker?.Name);
        Assert.Equal("said", s.Cue);
    }

    [Fact]
    public void Indirect_speech_with_a_to_infinitive_pledge()
    {
        var s = Only("The government pledged to cut emissions by half before 2030.");
        Assert.Equal("to cut emissions by half before 2030", s.Text);
        Assert.Equal("pledged", s.Cue);
    }

    [Fact]
    public void According_to_a_source_before_the_clause()
    {
        var s = Only("According to a State Department official, two of the emails were upgraded to secret.");
        Assert.Equal("two of the emails were upgraded to secret", s.Text);
        Assert.Equal("According to", s.Cue);
        Assert.Equal("a State Department official", s.Speaker?.Mention);
    }

    [Fact]
    public void Attribution_at_the_end_of_a_sentence_without_quote_marks()
    {
        var s = Only("The van was supposed to be escorted by a police detail, another source said.");
        Assert.Equal(StatementKind.Indirect, s.Kind);
        Assert.Equal("The van was supposed to be escorted by a police detail", s.Text);
        Assert.Equal("another source", s.Speaker?.Mention);
    }

    [Fact]
    public void Told_with_an_object_and_no_that()
    {
        var s = Only("Pate also told Breitbart News he would support Clinton in a general election.");
        Assert.Equal("he would support Clinton in a general election", s.Text);
        Assert.Equal("also told", s.Cue);
        Assert.Equal("Pate", s.Speaker?.Name);
    }

    [Fact]
    public void Cue_with_auxiliary_keeps_it_as_written()
    {
        var s = Only("Senator Ray Park has said the bill would hurt small farms.");
        Assert.Equal("has said", s.Cue);
        Assert.Equal("Ray Park", s.Speaker?.Name);
        Assert.Equal("the bill would hurt small farms", s.Text);
    }

    [Fact]
    public void Short_name_and_title_resolve_to_the_full_name()
    {
        var statements = Extract("Lena Berg, the party’s treasurer, said the accounts were in order.\n\n“Every donation is published,” Ms Berg added.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("Lena Berg", statements[1].Speaker?.Name);
        Assert.Equal("Ms Berg", statements[1].Speaker?.Mention);
        Assert.Equal("the party’s treasurer", statements[1].Speaker?.Role);
    }

    [Fact]
    public void Pronoun_resolves_to_the_speaker_of_the_same_gender()
    {
        var statements = Extract("“We lost the vote,” said Mr. Tom Ward, the union’s leader.\n\n“We will try again next year,” he added.");
        Assert.Equal(2, statements.Count);
        Assert.Equal(new Speaker("Tom Ward", "he", "the union’s leader", null), statements[1].Speaker);
    }

    [Fact]
    public void Pronoun_that_fits_no_speaker_stays_unnamed_with_low_confidence()
    {
        var statements = Extract("“Prices will fall,” said Ms. Ada Kline, the bank’s economist.\n\n“Nobody expected this,” he said.");
        var last = statements[^1];
        Assert.Equal("he", last.Speaker?.Mention);
        Assert.Null(last.Speaker?.Name);
        Assert.True(last.Confidence < statements[0].Confidence / 2);
    }

    [Fact]
    public void Descriptive_speaker_without_a_name()
    {
        var s = Only("“The ministry has no plans to close the office,” a spokeswoman for the ministry said.");
        Assert.Equal("a spokeswoman for the ministry", s.Speaker?.Mention);
        Assert.Null(s.Speaker?.Name);
        Assert.Equal("spokeswoman for the ministry", s.Speaker?.Role);
    }

    [Fact]
    public void Relative_pronoun_speaks_for_the_name_before_it()
    {
        var s = Only("The loudest critic was Governor Paula Reyes, who claimed the plan was never costed.");
        Assert.Equal("who", s.Speaker?.Mention);
        Assert.Equal("Paula Reyes", s.Speaker?.Name);
        Assert.Equal("the plan was never costed", s.Text);
    }

    [Fact]
    public void Typewriter_quotes_and_guillemets_are_quote_marks()
    {
        Assert.Equal("We don't believe troops are the answer", Only("''We don't believe troops are the answer,'' the adviser said.").Text);
        Assert.Equal("We will not give in", Only("«We will not give in», the minister said.").Text);
    }

    [Fact]
    public void Unbalanced_quote_ends_with_its_paragraph_and_never_swallows_the_article()
    {
        const string text = "“This quote never closes, said nobody in particular.\n\nThe next paragraph is plain reporting about the weather in the region.\n\nAnd so is this one, about the harvest.";
        var statements = Extract(text);
        Assert.All(statements, s => Assert.DoesNotContain("\n", s.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Text.Contains("weather", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quoted_title_is_not_a_statement()
    {
        Assert.Empty(Extract("The agency released a report titled “Clean Water for All” on Monday."));
    }

    [Fact]
    public void Cue_keeps_a_written_statement_and_a_lead_as_written()
    {
        Assert.Equal("said in a statement", Only("The ministry said in a statement that the new rules would take effect in March.").Cue);
        var issued = Only("The company issued a statement saying it would appeal the ruling.");
        Assert.Equal("issued a statement saying", issued.Cue);
        Assert.Equal("it would appeal the ruling", issued.Text);
        Assert.Equal("then asked", Only("Mayor Ana Lopez then asked whether the bridge could reopen before the holidays.").Cue);
    }

    [Fact]
    public void A_possessive_before_a_cue_word_makes_it_a_noun_not_an_attribution()
    {
        Assert.Empty(Extract("Editor’s note: This story was corrected to show that the vote took place on Tuesday."));
        var pledge = Only("Editor’s note: The candidate has repeatedly pledged to ban all imports from the region.");
        Assert.Equal("has repeatedly pledged", pledge.Cue);
        Assert.Equal("The candidate", pledge.Speaker?.Mention);
        Assert.Empty(Extract("The agency’s report found no evidence of wrongdoing by the contractors."));
    }

    [Fact]
    public void Paragraphs_on_their_own_lines_keep_a_second_quote_with_its_own_speaker()
    {
        // Plain text with one paragraph per line and no blank lines between them.
        const string text = "“Using that word was a mistake,” Priebus said. “It has nothing to do with our party.”\n"
                            + "Later that day the committee met again to discuss the budget for the coming year.\n"
                            + "Editor’s note: this article was updated with the chairman’s remarks.";
        var statements = Extract(text);
        var s = Assert.Single(statements);
        Assert.Equal("Priebus", s.Speaker?.Name);
        Assert.Equal("said", s.Cue);
        Assert.EndsWith("It has nothing to do with our party.", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_organisations_role_in_the_appositive_and_a_later_mentions_own_role()
    {
        var statements = Extract("Rashad Robinson, Color of Change's executive director, said his group would keep up the pressure on sponsors.\n\n"
                                 + "Robinson, now chairman of the Fair Media Council, said the boycott would continue into next year.");
        Assert.Equal(2, statements.Count);
        Assert.Equal("his group would keep up the pressure on sponsors", statements[0].Text);
        Assert.Equal(new Speaker("Rashad Robinson", "Rashad Robinson, Color of Change's executive director", "Color of Change's executive director", "Color of Change"), statements[0].Speaker);
        Assert.Equal("Rashad Robinson", statements[1].Speaker?.Name);
        Assert.Equal("now chairman of the Fair Media Council", statements[1].Speaker?.Role);
        Assert.Equal("Fair Media Council", statements[1].Speaker?.Organization);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("“")]
    [InlineData("\"\"\"\"\"\"")]
    [InlineData("said said said, said: “”")]
    public void Degenerate_text_gives_no_statements_and_no_crash(string text)
    {
        var statements = Extract(text);
        Assert.All(statements, s => Assert.Equal(s.Text, text[s.Start..s.End]));
    }
}
