namespace NewsMonitor.Extraction.Tests;

/// <summary>The seven quotes of the seed article, with the speakers and roles the article gives them.</summary>
public sealed class SeedStatementTests
{
    private const string CaoRole = "deputy director of the Cyberspace Administration of China";
    private const string SunRole = "head of the administration’s cybersecurity coordination office";
    private const string QiRole = "head of the administration’s international cooperation office";
    private const string Cac = "Cyberspace Administration of China";

    public static TheoryData<string> Sources => new() { "white-paper.txt", "observer-wordpress.html", "ledger-newsroom.html", "newswire-legacy.html" };

    private static Article Read(string source)
    {
        var article = source.EndsWith(".txt", StringComparison.Ordinal)
            ? Article.FromPlainText(SeedSite.Text(source))
            : new ArticleExtractor().Extract(SeedSite.Bytes(source), null, "https://news.example/white-paper").Article!;
        return article with { Statements = new StatementExtractor().Extract(article) };
    }

    private static Statement Find(Article article, string textStart) =>
        Assert.Single(article.Statements, s => s.Text.StartsWith(textStart, StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Sources))]
    public void Cao_Shumin_is_quoted_twice_with_her_role_despite_the_stray_period(string source)
    {
        var article = Read(source);
        var first = Find(article, "With the rapid growth of information technology");
        Assert.Equal(StatementKind.Direct, first.Kind);
        // The mention is the noun phrase as written, appositive included; the role is cleaned of the stray period.
        Assert.Equal(new Speaker("Cao Shumin", "Cao Shumin, deputy director of the Cyberspace Administration. of China", CaoRole, Cac), first.Speaker);
        Assert.Equal("said", first.Cue);
        Assert.EndsWith("threats and challenges", first.Text, StringComparison.Ordinal);

        var second = Find(article, "The situation calls for fairer");
        Assert.Equal(new Speaker("Cao Shumin", "she", CaoRole, Cac), second.Speaker);
        Assert.True(second.Confidence < first.Confidence, "a pronoun is less certain than a name");
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Sun_Weimin_is_quoted_twice_and_she_added_resolves_to_her(string source)
    {
        var article = Read(source);
        var first = Find(article, "In recent years, China has further strengthened");
        Assert.Equal(new Speaker("Sun Weimin", "Sun Weimin, " + SunRole, SunRole, Cac), first.Speaker);
        Assert.Equal(StatementKind.Direct, first.Kind);

        var added = Find(article, "A basic legal framework");
        Assert.Equal(new Speaker("Sun Weimin", "she", SunRole, Cac), added.Speaker);
        Assert.Equal("added", added.Cue);
        Assert.EndsWith("educating cybersecurity professionals.", added.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Qi_Xiaoxia_argues_no_reason_for_concern_as_a_mixed_quote_and_is_quoted_directly_after(string source)
    {
        var article = Read(source);
        var mixed = Find(article, "that there is “no reason for concern”");
        Assert.Equal(StatementKind.Mixed, mixed.Kind);
        Assert.Equal("argued", mixed.Cue);
        Assert.Equal(new Speaker("Qi Xiaoxia", "Qi Xiaoxia, " + QiRole, QiRole, Cac), mixed.Speaker);

        var direct = Find(article, "China will follow the principle of opening up");
        Assert.Equal(StatementKind.Direct, direct.Kind);
        Assert.Equal(new Speaker("Qi Xiaoxia", "she", QiRole, Cac), direct.Speaker);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_last_quote_he_said_disagrees_with_every_speaker_and_is_left_unnamed_never_xi_jinping(string source)
    {
        var article = Read(source);
        var last = Find(article, "The Chinese government has always been committed");
        Assert.Equal(StatementKind.Direct, last.Kind);
        Assert.NotNull(last.Speaker);
        Assert.Equal("he", last.Speaker.Mention);
        Assert.Null(last.Speaker.Name);
        Assert.True(last.Confidence < 0.5, $"unresolved speaker must lower confidence, was {last.Confidence}");
        Assert.DoesNotContain(article.Statements, s => s.Speaker?.Name == "Xi Jinping");
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_statement_offset_points_at_its_text(string source)
    {
        var article = Read(source);
        Assert.True(article.Statements.Count >= 7, $"expected at least the seven quotes, got {article.Statements.Count}");
        foreach (var statement in article.Statements)
        {
            Assert.InRange(statement.Start, 0, statement.End);
            Assert.Equal(statement.Text, article.Text[statement.Start..statement.End]);
            Assert.InRange(statement.Confidence, 0.0, 1.0);
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_title_of_the_white_paper_in_quotes_is_not_a_statement(string source)
    {
        var article = Read(source);
        Assert.DoesNotContain(article.Statements, s => s.Text.StartsWith("Jointly Building", StringComparison.Ordinal));
        var pledge = Find(article, "to continue international cooperation");
        Assert.Equal(StatementKind.Indirect, pledge.Kind);
        Assert.Equal("China", pledge.Speaker?.Name);
        Assert.Equal("pledged", pledge.Cue);
    }
}
