namespace ValueChain.Traceability;

/// <summary>Where an ERP system hears that custody moved. Called before the projection commits the block, so at least once.</summary>
public interface IInventorySink
{
    /// <summary>Receives the inventory changes of one block, in ledger order.</summary>
    Task OnInventoryChangedAsync(IReadOnlyList<InventoryChange> changes, CancellationToken cancellationToken);
}
