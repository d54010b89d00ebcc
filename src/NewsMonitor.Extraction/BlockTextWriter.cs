using System.Text;
using AngleSharp.Dom;

namespace NewsMonitor.Extraction;

/// <summary>One block of text as a reader sees it: a paragraph, heading, list item or cell.</summary>
internal readonly record struct TextBlock(string Text, int LinkChars, string Tag)
{
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;
    public bool IsHeading => BoilerplateRules.HeadingTags.Contains(Tag);
}

/// <summary>
/// Renders elements to text blocks: whitespace collapsed, a break at every block element so words
/// from neighbouring blocks never run together, &lt;br&gt;&lt;br&gt; as a paragraph break.
/// </summary>
internal sealed class BlockTextWriter
{
    private readonly StringBuilder _current = new();
    private readonly List<TextBlock> _blocks = [];
    private readonly Stack<string> _blockTags = new();
    private bool _pendingSpace;
    private int _pendingBreaks;
    private int _linkDepth;
    private int _linkChars;

    public static List<TextBlock> Write(IEnumerable<IElement> roots, Func<IElement, bool> skip)
    {
        var writer = new BlockTextWriter();
        foreach (var root in roots) writer.WriteElement(root, skip);
        writer.Flush();
        return writer._blocks;
    }

    private void WriteElement(IElement root, Func<IElement, bool> skip)
    {
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                Append(text.Data);
                continue;
            }
            if (node is not IElement element) continue;
            var tag = element.LocalName;
            var isBlock = BoilerplateRules.BlockTags.Contains(tag);
            if (exit)
            {
                if (tag == "a") _linkDepth--;
                if (isBlock)
                {
                    Flush();
                    _blockTags.Pop();
                }
                continue;
            }
            if (element != root && skip(element)) continue;
            if (tag == "br")
            {
                LineBreak();
                continue;
            }
            if (isBlock)
            {
                Flush();
                _blockTags.Push(tag);
            }
            if (tag == "a") _linkDepth++;
            stack.Push((element, true));
            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
                stack.Push((child, false));
        }
    }

    private void Append(string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) || c is '\u00A0' or '\u200B' or '\u00AD' or '\uFEFF')
            {
                if (c is '\u200B' or '\u00AD' or '\uFEFF') continue;
                _pendingSpace = _current.Length > 0;
                continue;
            }
            if (_pendingBreaks > 0 && _current.Length > 0)
            {
                if (_pendingBreaks >= 2)
                {
                    Flush();
                }
                else
                {
                    _current.Append('\n');
                    _pendingSpace = false;
                }
            }
            _pendingBreaks = 0;
            if (_pendingSpace)
            {
                _current.Append(' ');
                if (_linkDepth > 0) _linkChars++;
            }
            _pendingSpace = false;
            _current.Append(c);
            if (_linkDepth > 0) _linkChars++;
        }
    }

    private void LineBreak()
    {
        if (_current.Length > 0) _pendingBreaks++;
        _pendingSpace = false;
    }

    private void Flush()
    {
        if (_current.Length > 0)
        {
            var tag = _blockTags.Count > 0 ? _blockTags.Peek() : "body";
            _blocks.Add(new TextBlock(_current.ToString(), Math.Min(_linkChars, _current.Length), tag));
        }
        _current.Clear();
        _linkChars = 0;
        _pendingSpace = false;
        _pendingBreaks = 0;
    }
}
