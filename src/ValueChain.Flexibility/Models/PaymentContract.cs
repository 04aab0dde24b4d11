namespace ValueChain.Flexibility;

/// <summary>
/// One offer's payment contract: it holds the winning bid and the fleet operator's penalty in its
/// escrow account, pays out against energy transfer records, and lets the buyer take what is left
/// after the deadline.
/// </summary>
/// <param name="OfferId">The offer.</param>
/// <param name="Buyer">The winning bidder.</param>
/// <param name="FleetOperator">The seller.</param>
/// <param name="Escrow">The account that holds the tokens.</param>
/// <param name="Payment">The winning bid.</param>
/// <param name="Penalty">The fleet operator's stake.</param>
/// <param name="Paid">Paid to the fleet operator so far.</param>
/// <param name="PenaltyReleased">Penalty returned to the fleet operator so far.</param>
/// <param name="DeliveredWh">Energy proven so far.</param>
/// <param name="Deadline">After it, the buyer may take what is left.</param>
/// <param name="Settled">True once the buyer took what was left.</param>
public sealed record PaymentContract(long OfferId, Address Buyer, Address FleetOperator, Address Escrow, UInt256 Payment, UInt256 Penalty, UInt256 Paid, UInt256 PenaltyReleased, ulong DeliveredWh, DateTimeOffset Deadline, bool Settled);
