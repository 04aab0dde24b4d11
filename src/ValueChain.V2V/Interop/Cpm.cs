namespace ValueChain.V2V.Interop;

/// <summary>
/// A Collective Perception Message (ETSI TS 103 324 v2.1.1) in its JSON form (ASN.1 component names and units, as
/// ITU-T X.697 JER writes them). Read and write it with <see cref="EtsiJson"/>; convert it with <see cref="CpmConverter"/>.
/// </summary>
/// <param name="Header">The PDU header.</param>
/// <param name="Payload">The management container and the wrapped containers.</param>
public sealed record Cpm(CpmHeader Header, CpmPayload Payload);
