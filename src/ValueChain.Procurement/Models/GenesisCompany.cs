namespace ValueChain.Procurement;

/// <summary>A company the marketplace starts with (the operator's, typically).</summary>
/// <param name="CompanyId">Its id.</param>
/// <param name="Name">Its name.</param>
public sealed record GenesisCompany(string CompanyId, string Name);
