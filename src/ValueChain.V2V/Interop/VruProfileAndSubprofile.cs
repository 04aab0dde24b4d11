namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>VruProfileAndSubprofile</c>, an ASN.1 CHOICE of ENUMERATED sub-profiles written as their identifiers (for example <c>"unavailable"</c>, <c>"wild-animal"</c>).</summary>
/// <param name="Pedestrian">A <c>VruSubProfilePedestrian</c>.</param>
/// <param name="BicyclistAndLightVruVehicle">A <c>VruSubProfileBicyclist</c>.</param>
/// <param name="Motorcyclist">A <c>VruSubProfileMotorcyclist</c>.</param>
/// <param name="Animal">A <c>VruSubProfileAnimal</c>.</param>
public sealed record VruProfileAndSubprofile(string? Pedestrian = null, string? BicyclistAndLightVruVehicle = null, string? Motorcyclist = null, string? Animal = null);
