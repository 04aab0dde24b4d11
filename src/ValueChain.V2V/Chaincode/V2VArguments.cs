namespace ValueChain.V2V;

// The JSON arguments and results of the obstacle map's functions. Internal: the port is the public API.
internal sealed record CertifyArgs(Address Pseudonym, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil);

internal sealed record AnchorArgs(string Report, string ContentId);

internal sealed record BatchEntry(string Report, string ContentId, string Signature);

internal sealed record BatchArgs(List<BatchEntry> Reports);

internal sealed record BatchResult(Hash32 Root, List<AnchorOutcome> Outcomes);

internal sealed record ObstacleIdArgs(long ObstacleId);

internal sealed record AddressArgs(Address Address);

internal sealed record AddressListArgs(List<Address> Addresses);

internal sealed record DigestArgs(Hash32 Digest);

internal sealed record PositionArgs(GeoPoint Position);

internal sealed record AreaArgs(GeoArea Area, DateTimeOffset From, DateTimeOffset To);
