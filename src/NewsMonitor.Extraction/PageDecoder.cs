using System.Text;

namespace NewsMonitor.Extraction;

/// <summary>Page bytes decoded to text, with the charset chosen and why.</summary>
public sealed record DecodedPage(string Text, string Charset, string CharsetSource);

/// <summary>
/// Decides the charset of a page from its bytes: BOM, then HTTP header, then &lt;meta&gt;, then
/// "is it valid UTF-8?". Decided here rather than by the HTML parser because byte sniffing alone
/// garbles pages whose bytes are UTF-8 but which declare a single-byte charset.
/// </summary>
public static class PageDecoder
{
    private const int MetaScanBytes = 4096;

    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);


    public static DecodedPage Decode(ReadOnlySpan<byte> bytes, string? contentType = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new DecodedPage(Encoding.UTF8.GetString(bytes[3..]), "utf-8", "bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new DecodedPage(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", "bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new DecodedPage(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", "bom");

        var (declared, source) = FromContentType(contentType) is { } header
            ? (header, "http-header")
            : FromMeta(bytes[..Math.Min(bytes.Length, MetaScanBytes)]) is { } meta ? (meta, "meta") : (null, "none");

        var utf8 = Utf8Shape(bytes);
        // Valid UTF-8 with multi-byte sequences is almost never an accident in another charset,
        // while a wrong single-byte declaration is common: trust the bytes.
        if (utf8 == Utf8Kind.ValidMultiByte || (utf8 == Utf8Kind.Ascii && declared is null))
            return new DecodedPage(Encoding.UTF8.GetString(bytes), "utf-8", declared is null || IsUtf8Name(declared) ? source : "valid-utf8");

        var encoding = declared is null ? null : TryGetEncoding(declared);
        if (encoding is not null && !(IsUtf8Name(declared!) && utf8 == Utf8Kind.Invalid))
            return new DecodedPage(encoding.GetString(bytes), encoding.WebName, source);

        // Invalid UTF-8 and no usable declaration: windows-1252 is what browsers fall back to for the web at large.
        var fallback = Encoding.GetEncoding(1252);
        return new DecodedPage(fallback.GetString(bytes), fallback.WebName, "fallback");
    }

    public static string? FromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return null;
        var index = contentType.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (index < 0) return null;
        var rest = contentType.AsSpan(index + "charset".Length).TrimStart();
        if (rest.IsEmpty || rest[0] != '=') return null;
        return CleanName(rest[1..]);
    }

    private static string? FromMeta(ReadOnlySpan<byte> head)
    {
        // The head of the page is ASCII-compatible for every charset a <meta> can declare usefully.
        var text = Encoding.Latin1.GetString(head);
        var at = 0;
        while ((at = text.IndexOf("<meta", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = text.IndexOf('>', at);
            if (end < 0) break;
            var tag = text.AsSpan(at, end - at);
            var charsetAt = tag.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (charsetAt >= 0)
            {
                var rest = tag[(charsetAt + "charset".Length)..].TrimStart();
                if (!rest.IsEmpty && rest[0] == '=')
                {
                    var name = CleanName(rest[1..]);
                    if (name is not null) return name;
                }
            }
            at = end;
        }
        return null;
    }

    private static string? CleanName(ReadOnlySpan<char> value)
    {
        value = value.TrimStart().TrimStart("\"'").TrimStart();
        var length = 0;
        while (length < value.Length && (char.IsAsciiLetterOrDigit(value[length]) || value[length] is '-' or '_' or ':' or '.'))
            length++;
        return length == 0 ? null : value[..length].ToString().ToLowerInvariant();
    }

    private static bool IsUtf8Name(string name) => name is "utf-8" or "utf8" or "unicode-1-1-utf-8";

    private static Encoding? TryGetEncoding(string name)
    {
        // WHATWG: these labels all mean windows-1252 on the web.
        if (name is "iso-8859-1" or "latin1" or "l1" or "ascii" or "us-ascii" or "iso8859-1" or "cp1252")
            return Encoding.GetEncoding(1252);
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private enum Utf8Kind { Ascii, ValidMultiByte, Invalid }

    private static Utf8Kind Utf8Shape(ReadOnlySpan<byte> bytes)
    {
        var firstNonAscii = System.Text.Ascii.IsValid(bytes) ? -1 : IndexOfNonAscii(bytes);
        if (firstNonAscii < 0) return Utf8Kind.Ascii;
        return System.Text.Unicode.Utf8.IsValid(bytes[firstNonAscii..]) ? Utf8Kind.ValidMultiByte : Utf8Kind.Invalid;
    }

    private static int IndexOfNonAscii(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
}
