namespace ValueChain.Traceability;

/// <summary>
/// A correction of a part's custody outside any order (a lost scan, a mis-delivery), which takes
/// effect only when enough distinct admins approve it, and stays on the ledger.
/// </summary>
/// <param name="CorrectionId">The correction's id.</param>
/// <param name="PartId">The part.</param>
/// <param name="From">The holder when proposed.</param>
/// <param name="To">The participant who should hold it.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Approvals">The admins who approved (the proposer first).</param>
/// <param name="Applied">Whether custody has moved.</param>
public sealed record OwnershipCorrection(string CorrectionId, string PartId, Address From, Address To, string Reason, IReadOnlyList<Address> Approvals, bool Applied);
