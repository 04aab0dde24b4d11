namespace ValueChain.AppMarket;

// The JSON arguments and results of the marketplace chaincode's functions. Internal: the port is the public API.
internal sealed record InviteArgs(Address Invitee, string Name, AppMarketRole Role, bool GrantAdmin);

internal sealed record AddressArgs(Address Address);

internal sealed record AmountArgs(Address To, UInt256 Amount);

internal sealed record ApproveArgs(Address Spender, UInt256 Amount);

internal sealed record TransferFromArgs(Address From, Address To, UInt256 Amount);

internal sealed record AllowanceArgs(Address Owner, Address Spender);

internal sealed record Balance(UInt256 Value);

internal sealed record AppArgs(string AppId, AppVersion? Version);

internal sealed record IdArgs(string Id);

internal sealed record IdsArgs(IReadOnlyList<string> Ids);

internal sealed record TechnicianArgs(Address Technician, string Name);

internal sealed record DeviceArgs(string DeviceId, string DeviceType, Address Key);

internal sealed record InstallArgs(string DeviceId, string AppId, AppVersion? Version, bool Remote);

internal sealed record InstallationArgs(string DeviceId, string AppId);

internal sealed record RefusalArgs(string DeviceId, string AppId, AppVersion Version, string Reason);

internal sealed record InstallReportArgs(InstallReport Report, string Signature);

internal sealed record UsageReportArgs(UsageReport Report, string Signature);

internal sealed record SettleArgs(IReadOnlyList<UsageReportArgs> Reports);

internal sealed record AccessResult(bool HasAccess);

internal sealed record CounterResult(ulong Counter);

internal sealed record SettleResult(IReadOnlyList<UsageSettlement> Settlements);
