namespace ValueChain.Procurement;

// The JSON arguments and results of the chaincode's functions. Internal: the port is the public API.
internal sealed record InviteArgs(Address Invitee, string Name, ProcurementRole Role, string CompanyId, string? CompanyName);

internal sealed record AddressArgs(Address Address);

internal sealed record IdArgs(string Id);

internal sealed record ConsumeArgs(string MaterialNumber, long Quantity);

internal sealed record ReviseArgs(long QuotationId, QuotationTerms Terms);

internal sealed record QuotationIdArgs(long QuotationId);

internal sealed record VersionArgs(long QuotationId, int Version);

internal sealed record ApprovalArgs(long QuotationId, string CompanyId);

internal sealed record SelectableArgs(string CompanyId, string MaterialNumber);

internal sealed record BookServiceArgs(string ServiceId, Address Engineer, string? OrderId);

internal sealed record GrantArgs(string MachineId, Address Grantee);

internal sealed record AmountArgs(Address To, UInt256 Amount);

internal sealed record TransferFromArgs(Address From, Address To, UInt256 Amount);

internal sealed record AllowanceArgs(Address Owner, Address Spender);

internal sealed record QuotationCreated(long QuotationId);

/// <summary>The company an invitation brings its invitee into, kept beside the membership block's invitation.</summary>
internal sealed record InvitedCompany(string CompanyId, string? CompanyName);

internal sealed record EmptyArgs;
