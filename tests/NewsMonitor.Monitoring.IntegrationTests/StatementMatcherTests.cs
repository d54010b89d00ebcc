using NewsMonitor.Monitoring.Index;

namespace NewsMonitor.Monitoring.IntegrationTests;

public sealed class StatementMatcherTests
{
    private const string Opening = "China will follow the principle of opening up and its door will be opened wider";

    [Theory]
    [InlineData(Opening, "China will follow the principle of opening up and its door will be opened wider.")]
    [InlineData(Opening, "“China will follow the principle of opening up, and its door will be opened wider”")]
    [InlineData(Opening, "China will follow the principle of opening up … its door will be opened wider")]
    [InlineData(Opening, "China will follow the principle of opening up [...] and its door will be opened wider")]
    [InlineData(Opening, "China will follow the principle of opening up")]
    [InlineData(Opening, "CHINA WILL FOLLOW THE PRINCIPLE OF OPENING UP AND ITS DOOR WILL BE OPENED WIDER")]
    [InlineData("There were 2,000 companies registered in the zone last year", "There were 2000 companies registered in the zone last year")]
    [InlineData("no reason for concern", "No reason for concern.")]
    public void Outlets_differences_in_punctuation_ellipses_and_a_trimmed_clause_are_the_same_statement(string a, string b)
    {
        Assert.True(StatementMatcher.AreSame(a, b));
        Assert.True(StatementMatcher.AreSame(b, a));
    }

    [Theory]
    [InlineData("The government will raise taxes on imported cars next year", "The government will not raise taxes on imported cars next year")]
    [InlineData(Opening, "China will follow the principle of opening up and its door will be closed")]
    [InlineData("no reason for concern", "there is no reason for concern at all")]
    [InlineData("We will publish the report next week", "We will publish the report next week, but only if the ministry approves it and the cabinet agrees to the budget")]
    [InlineData(Opening, "China will follow … wider")]
    [InlineData("There were 3.5 million visitors", "There were 35 million visitors")]
    [InlineData("", "")]
    public void Different_words_or_too_little_of_the_statement_are_different_statements(string a, string b)
    {
        Assert.False(StatementMatcher.AreSame(a, b));
        Assert.False(StatementMatcher.AreSame(b, a));
    }
}

public sealed class SpeakerKeysTests
{
    [Theory]
    [InlineData("Qi Xiaoxia", "qi-xiaoxia")]
    [InlineData("QI Xiaoxia", "qi-xiaoxia")]
    [InlineData("Ms Qi Xiaoxia", "qi-xiaoxia")]
    [InlineData("Ms. Qi Xiaoxia", "qi-xiaoxia")]
    [InlineData("Zoë Müller", "zoe-muller")]
    [InlineData("Ms Qi", "qi")]
    public void A_name_is_keyed_by_its_words_without_case_accents_or_honorific(string name, string key) =>
        Assert.Equal(key, SpeakerKeys.For(name));

    [Fact]
    public void Names_in_other_scripts_get_a_hashed_key_that_is_a_valid_blob_name()
    {
        var key = SpeakerKeys.For("习近平");
        Assert.StartsWith("x-", key, StringComparison.Ordinal);
        Storage.BlobNames.ValidateName($"speakers/{key}.json");
        Assert.NotEqual(key, SpeakerKeys.For("李强"));
    }

    [Fact]
    public void A_bare_honorific_is_no_name()
    {
        Assert.Null(SpeakerKeys.For("Ms"));
        Assert.Null(SpeakerKeys.For(new Extraction.Speaker(null, "she", null, null)));
    }

    [Theory]
    [InlineData("qi-xiaoxia", "Qi", true)]
    [InlineData("qi-xiaoxia", "xiaoxia qi", true)]
    [InlineData("qi-xiaoxia", "Ms Qi", true)]
    [InlineData("qi-xiaoxia", "Qi Xiaoxia", true)]
    [InlineData("qi-xiaoxia", "Q", false)]
    [InlineData("qi-xiaoxia", "Sun", false)]
    public void A_query_matches_keys_holding_all_its_words(string key, string query, bool matches) =>
        Assert.Equal(matches, SpeakerKeys.KeyContainsWords(key, query));
}
