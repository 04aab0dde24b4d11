namespace ValueChain.Flexibility;

/// <summary>A whitelisted market participant.</summary>
/// <param name="Address">Its signing address.</param>
/// <param name="Role">Verifier, DSO or fleet operator.</param>
/// <param name="Name">Its name.</param>
public sealed record MarketParticipant(Address Address, MarketRole Role, string Name);
