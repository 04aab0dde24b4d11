namespace ValueChain.Procurement;

/// <summary>A company of the marketplace; any company may buy, supply, or both.</summary>
/// <param name="CompanyId">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="JoinedAt">The ledger time it joined (the Unix epoch for genesis companies).</param>
/// <param name="RemovedAt">The ledger time a marketplace admin removed it, or null.</param>
/// <param name="Evaluation">Its record as a supplier.</param>
public sealed record Company(string CompanyId, string Name, DateTimeOffset JoinedAt, DateTimeOffset? RemovedAt, SupplierEvaluation Evaluation)
{
    /// <summary>True until removed.</summary>
    public bool IsActive => RemovedAt is null;
}
