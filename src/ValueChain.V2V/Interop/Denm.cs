using System.Text.Json.Serialization;

namespace ValueChain.V2V.Interop;

/// <summary>
/// A Decentralized Environmental Notification Message (ETSI EN 302 637-3 v1.3.1) in its JSON form: the ASN.1 component
/// names and units, ENUMERATED values as their identifiers (as ITU-T X.697 JER writes them). Read and write it with
/// <see cref="EtsiJson"/>; convert it with <see cref="DenmConverter"/>.
/// </summary>
/// <param name="Header">The PDU header.</param>
/// <param name="Body">The message (<c>denm</c>): management, situation and location containers.</param>
public sealed record Denm(DenmHeader Header, [property: JsonPropertyName("denm")] DenmBody Body);
