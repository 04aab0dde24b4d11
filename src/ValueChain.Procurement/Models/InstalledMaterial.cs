namespace ValueChain.Procurement;

/// <summary>Material a service engineer installed; the quantity leaves the machine's slot stock.</summary>
/// <param name="MaterialNumber">The material, one of the machine's slots.</param>
/// <param name="Quantity">How many units (above zero, at most the slot's stock).</param>
public sealed record InstalledMaterial(string MaterialNumber, long Quantity);
