using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace ValueChain.V2V.Interop;

/// <summary>
/// Reads and writes DENMs and CPMs as JSON (see <see cref="EtsiJsonContext"/> for the form). Writing and reading both check
/// every modelled ASN.1 constraint; what is wrong is named by its JSON path below the message (for example
/// <c>denm.management.eventPosition.latitude</c>) in <see cref="ValueChainFormatException.ParameterName"/>.
/// </summary>
public static partial class EtsiJson
{
    /// <summary>The JSON of <paramref name="denm"/>, deterministic byte for byte.</summary>
    /// <exception cref="ValueChainFormatException">A field is out of its ASN.1 range; names it.</exception>
    public static string Write(Denm denm)
    {
        DenmValidator.Validate(denm);
        return JsonSerializer.Serialize(denm, EtsiJsonContext.Default.Denm);
    }

    /// <summary>The JSON of <paramref name="cpm"/>, deterministic byte for byte.</summary>
    /// <exception cref="ValueChainFormatException">A field is out of its ASN.1 range; names it.</exception>
    public static string Write(Cpm cpm)
    {
        _ = PerceivedObjectsOf(cpm);
        return JsonSerializer.Serialize(cpm, EtsiJsonContext.Default.Cpm);
    }

    /// <summary>Reads a DENM.</summary>
    /// <exception cref="ValueChainFormatException">Malformed JSON, a missing required field, or a value out of its ASN.1 range; names the field.</exception>
    public static Denm ParseDenm(string json)
    {
        Denm denm = Parse(json, EtsiJsonContext.Default.Denm, prefix: "");
        DenmValidator.Validate(denm);
        return denm;
    }

    /// <summary>Reads a CPM, including its perceived object containers.</summary>
    /// <exception cref="ValueChainFormatException">Malformed JSON, a missing required field, or a value out of its ASN.1 range; names the field.</exception>
    public static Cpm ParseCpm(string json)
    {
        Cpm cpm = Parse(json, EtsiJsonContext.Default.Cpm, prefix: "");
        _ = PerceivedObjectsOf(cpm);
        return cpm;
    }

    /// <summary>The perceived objects of every perceived object container (id 5) of <paramref name="cpm"/>, in order, each checked.</summary>
    /// <exception cref="ValueChainFormatException">The CPM or a container is malformed; names the field.</exception>
    public static IReadOnlyList<PerceivedObject> PerceivedObjectsOf(Cpm cpm) => LocatedObjectsOf(cpm).Select(o => o.Object).ToList();

    // The perceived objects with the JSON path of each, for errors that name the field.
    internal static IReadOnlyList<(string Path, PerceivedObject Object)> LocatedObjectsOf(Cpm cpm)
    {
        CpmValidator.ValidateEnvelope(cpm);
        var objects = new List<(string, PerceivedObject)>();
        for (int i = 0; i < cpm.Payload.CpmContainers.Count; i++)
        {
            WrappedCpmContainer wrapped = cpm.Payload.CpmContainers[i];
            if (wrapped.ContainerId != WrappedCpmContainer.PerceivedObjectContainerId)
            {
                continue;
            }

            string field = $"payload.cpmContainers[{i}].containerData";
            PerceivedObjectContainer container = Parse(wrapped.ContainerData.GetRawText(), EtsiJsonContext.Default.PerceivedObjectContainer, field);
            CpmValidator.Validate(field, container);
            objects.AddRange(container.PerceivedObjects.Select((o, k) => ($"{field}.perceivedObjects[{k}]", o)));
        }

        return objects;
    }

    /// <summary>A perceived object container as the JSON a <see cref="WrappedCpmContainer"/> holds.</summary>
    /// <exception cref="ValueChainFormatException">A field is out of its ASN.1 range; names it.</exception>
    public static WrappedCpmContainer Wrap(PerceivedObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        CpmValidator.Validate("containerData", container);
        return new WrappedCpmContainer(WrappedCpmContainer.PerceivedObjectContainerId, JsonSerializer.SerializeToElement(container, EtsiJsonContext.Default.PerceivedObjectContainer));
    }

    private static T Parse<T>(string json, JsonTypeInfo<T> type, string prefix)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new ValueChainFormatException(Join(prefix, ""), "null", "expected a JSON object");
        }
        catch (JsonException e)
        {
            // The path names the member being read; a missing required member is named in the message instead.
            string path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            Match missing = MissingMember().Match(e.Message);
            string field = missing.Success ? Join(Join(prefix, path), missing.Groups[1].Value) : Join(prefix, path);
            throw new ValueChainFormatException(field.Length == 0 ? "json" : field, json, missing.Success ? "is required" : $"malformed ({e.Message})");
        }
    }

    private static string Join(string prefix, string path) => prefix.Length == 0 ? path : path.Length == 0 ? prefix : prefix + "." + path;

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingMember();
}
