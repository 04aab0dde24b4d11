namespace ValueChain.Flexibility;

/// <summary>A refused payment request, stored on the ledger and emitted to every participant; nothing was paid.</summary>
/// <param name="OfferId">The offer.</param>
/// <param name="Reason">The first check the record failed.</param>
/// <param name="Caller">Who submitted it.</param>
/// <param name="Time">Ledger time.</param>
public sealed record PaymentRejection(long OfferId, EtrRejection Reason, Address Caller, DateTimeOffset Time);
