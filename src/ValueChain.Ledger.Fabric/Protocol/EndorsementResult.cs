namespace ValueChain.Ledger.Fabric.Protocol;

/// <summary>One peer's answer to a proposal.</summary>
/// <param name="Peer">The peer's address, for error messages.</param>
/// <param name="Response">Its proposal response.</param>
internal sealed record EndorsementResult(string Peer, Protos.ProposalResponse Response);
