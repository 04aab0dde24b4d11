namespace ValueChain.AppMarket;

/// <summary>A technician authorised by one company to install, update and remove apps on that company's devices (an IoT manager signs as one).</summary>
/// <param name="Address">The technician's signing address.</param>
/// <param name="Company">The company that authorised it.</param>
/// <param name="Name">The technician's name.</param>
/// <param name="AuthorisedAt">Ledger time of the authorisation.</param>
public sealed record Technician(Address Address, Address Company, string Name, DateTimeOffset AuthorisedAt);
