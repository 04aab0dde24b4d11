using System.Text.Json;

namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>ObjectClass</c>, an ASN.1 CHOICE: exactly one member is set.</summary>
/// <param name="VehicleSubClass">A <c>TrafficParticipantType</c> (0 unknown, 5 passenger car … 11 tram, 14 agricultural).</param>
/// <param name="VruSubClass">A vulnerable road user: pedestrian, cyclist, motorcyclist or animal.</param>
/// <param name="GroupSubClass">A cluster of road users (kept as JSON; read as no obstacle kind).</param>
/// <param name="OtherSubClass">An <c>OtherSubClass</c>: 0 unknown, 1 single object, 2 multiple objects, 3 bulk material.</param>
public sealed record ObjectClass(int? VehicleSubClass = null, VruProfileAndSubprofile? VruSubClass = null, JsonElement? GroupSubClass = null, int? OtherSubClass = null);
