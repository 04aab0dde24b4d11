namespace ValueChain.Flexibility;

// The JSON arguments of the market chaincode's functions. Internal: the port is the public API.
internal sealed record ParticipantArgs(Address Address, MarketRole Role, string Name);

internal sealed record AddressArgs(Address Address);

internal sealed record MeterArgs(Address? Address, string? P256PublicKey, Hash32? Location);

internal sealed record AmountArgs(Address To, UInt256 Amount);

internal sealed record ApproveArgs(Address Spender, UInt256 Amount);

internal sealed record TransferFromArgs(Address From, Address To, UInt256 Amount);

internal sealed record AllowanceArgs(Address Owner, Address Spender);

internal sealed record TransferEvent(Address From, Address To, UInt256 Value);

internal sealed record ApprovalEvent(Address Owner, Address Spender, UInt256 Value);

internal sealed record Balance(UInt256 Value);

internal sealed record BidArgs(long OfferId, UInt256 Price);

internal sealed record OfferIdArgs(long OfferId);

internal sealed record CommittedOfferArgs(Hash32 Commitment);

internal sealed record CreateContractArgs(long OfferId, OfferRequest? Reveal, Hash32? Salt);

internal sealed record OfferCreated(long OfferId);

internal sealed record PaymentRequestArgs(long OfferId, EnergyTransferRecord? Record, string? Signature, string? Ocmf, string? MeterPublicKey);

internal sealed record PaymentResult(PaymentRejection? Rejection, UInt256 Paid, UInt256 PenaltyReleased);
