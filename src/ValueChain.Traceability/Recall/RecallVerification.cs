namespace ValueChain.Traceability;

/// <summary>How an answer from the read model compares with the same recall derived from the ledger.</summary>
/// <param name="Matches">True when the ledger gives exactly the same parts, assemblies and vehicles.</param>
/// <param name="Missing">Ids the ledger finds but the answer lacks.</param>
/// <param name="Unexpected">Ids in the answer that the ledger does not find.</param>
public sealed record RecallVerification(bool Matches, IReadOnlyList<string> Missing, IReadOnlyList<string> Unexpected);
