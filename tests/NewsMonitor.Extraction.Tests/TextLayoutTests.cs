namespace NewsMonitor.Extraction.Tests;

/// <summary>How plain text is split into paragraphs: what statement extraction sees as one paragraph.</summary>
public sealed class TextLayoutTests
{
    [Fact]
    public void Blank_lines_separate_paragraphs()
    {
        var article = Article.FromPlainText("Headline\n\nFirst paragraph.\n\n\nSecond paragraph.");
        Assert.Equal(["Headline", "First paragraph.", "Second paragraph."], article.Paragraphs);
    }

    [Fact]
    public void A_line_break_between_sentences_separates_paragraphs_written_one_per_line()
    {
        var article = Article.FromPlainText("Headline\n\nThe council met on Monday.\n“We will vote,” she said.\nIt did not say when: \n(More to follow.)");
        Assert.Equal(["Headline", "The council met on Monday.", "“We will vote,” she said.", "It did not say when:", "(More to follow.)"], article.Paragraphs);
    }

    [Fact]
    public void A_hard_wrapped_paragraph_stays_one_paragraph()
    {
        const string wrapped = "The council met on Monday to discuss\nthe budget, which the mayor said\nwould be balanced by 2027.";
        var article = Article.FromPlainText(wrapped);
        Assert.Equal([wrapped], article.Paragraphs);
    }
}
