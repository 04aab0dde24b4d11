using System.Text.Json.Serialization;

namespace ValueChain.V2V.Interop;

/// <summary>
/// Source-generated JSON of the ETSI messages: camelCase ASN.1 names, members in ASN.1 order, absent OPTIONAL members
/// omitted, ENUMERATED values as identifiers, two-space indentation with LF line ends, so the same message always
/// gives the same bytes.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(Denm))]
[JsonSerializable(typeof(Cpm))]
[JsonSerializable(typeof(PerceivedObjectContainer))]
internal sealed partial class EtsiJsonContext : JsonSerializerContext;
