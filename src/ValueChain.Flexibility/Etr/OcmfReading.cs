namespace ValueChain.Flexibility;

/// <summary>One meter reading of an OCMF payload (an entry of <c>RD</c>).</summary>
/// <param name="Time">When it was read (<c>TM</c>).</param>
/// <param name="Type">The reading's role: B(egin), E(nd), C(harging), … (<c>TX</c>).</param>
/// <param name="Value">The reading, exactly as written (<c>RV</c>).</param>
/// <param name="Obis">The OBIS register (<c>RI</c>), for example 1-b:1.8.0.</param>
/// <param name="Unit">kWh or Wh (<c>RU</c>).</param>
public sealed record OcmfReading(DateTimeOffset Time, string? Type, decimal Value, string? Obis, string? Unit);
