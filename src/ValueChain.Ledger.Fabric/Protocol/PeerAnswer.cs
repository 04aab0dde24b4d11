namespace ValueChain.Ledger.Fabric.Protocol;

/// <summary>What one peer did with a proposal: its response, or why there is none (it could not be reached).</summary>
/// <param name="Peer">The peer's address.</param>
/// <param name="Response">Its proposal response, or null.</param>
/// <param name="Failure">Why it gave none, or null.</param>
internal sealed record PeerAnswer(string Peer, Protos.ProposalResponse? Response, FabricException? Failure);
