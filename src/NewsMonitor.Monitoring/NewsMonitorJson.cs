using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsMonitor.Monitoring;

/// <summary>The JSON shape of everything NewsMonitor stores and prints: camelCase, enums as camelCase strings.</summary>
public static class NewsMonitorJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static BinaryData ToBinary<T>(T value) => BinaryData.FromObjectAsJson(value, Options);

    public static T? FromBinary<T>(BinaryData data) => data.ToObjectFromJson<T>(Options);
}
