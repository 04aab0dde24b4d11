namespace ValueChain.Procurement;

/// <summary>A machine's slot for one material.</summary>
/// <param name="MaterialNumber">The material it holds.</param>
/// <param name="Stock">How many units it holds now.</param>
/// <param name="ReorderThreshold">At or below this stock the corrective trigger fires.</param>
/// <param name="Capacity">The most units it can hold.</param>
public sealed record MaterialSlot(string MaterialNumber, long Stock, long ReorderThreshold, long Capacity)
{
    /// <summary>True when the corrective trigger fires: stock at or below the threshold.</summary>
    public bool NeedsReorder => Stock <= ReorderThreshold;

    /// <summary>How many units fill the slot up.</summary>
    public long FreeSpace => Capacity - Stock;
}
