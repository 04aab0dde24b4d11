using System.Runtime.ExceptionServices;

namespace ValueChain.Ledger.Fabric.Protocol;

/// <summary>
/// Chooses the endorsements a transaction carries from the peers' answers. Without a policy every configured peer
/// must endorse. With one, peers that are down or refuse are skipped as long as the peers that endorsed satisfy it
/// (their MSP ids, read from the endorsements themselves, evaluated as the validator does). Whether the chosen
/// endorsements agree is checked when the envelope is built, naming the peers that differ.
/// </summary>
internal static class EndorsementSelection
{
    /// <exception cref="FabricChaincodeException">The chaincode refused the invocation; disputed when another peer endorsed it.</exception>
    /// <exception cref="FabricEndorsementException">Without a policy: a peer refused.</exception>
    /// <exception cref="FabricConnectionException">Without a policy: a peer could not be reached.</exception>
    /// <exception cref="FabricEndorsementPolicyException">With a policy: the peers that endorsed do not satisfy it.</exception>
    public static IReadOnlyList<EndorsementResult> Select(string transactionId, EndorsementPolicy? policy, IReadOnlyList<PeerAnswer> answers)
    {
        foreach (PeerAnswer answer in answers)
        {
            if (answer.Response is { } response && ChaincodeError.TryDecode(response.Response) is { } refusal)
            {
                throw new FabricChaincodeException(refusal.Code, refusal.Message, transactionId) { Disputed = answers.Any(a => a.Response is { } r && Succeeded(r)) };
            }
        }

        if (policy is null)
        {
            foreach (PeerAnswer answer in answers)
            {
                if (answer.Failure is { } failure)
                {
                    ExceptionDispatchInfo.Capture(failure).Throw();
                }

                if (!Succeeded(answer.Response!))
                {
                    throw new FabricEndorsementException(transactionId, answer.Peer, answer.Response!.Response.Status, answer.Response.Response.Message);
                }
            }

            return [.. answers.Select(a => new EndorsementResult(a.Peer, a.Response!))];
        }

        List<PeerAnswer> endorsed = [.. answers.Where(a => a.Response is { } r && Succeeded(r) && r.Endorsement is not null)];
        List<PolicyEndorser> endorsers = [.. endorsed.Select(a => new PolicyEndorser(MspOf(a.Response!)))];
        if (policy.IsSatisfiedBy(endorsers))
        {
            return [.. endorsed.Select(a => new EndorsementResult(a.Peer, a.Response!))];
        }

        Dictionary<string, string> notEndorsed = answers.Except(endorsed).ToDictionary(
            a => a.Peer,
            a => a.Failure?.Message ?? $"status {a.Response!.Response.Status}: {a.Response.Response.Message}");
        throw new FabricEndorsementPolicyException(transactionId, policy.ToString(), [.. endorsed.Select(a => $"{a.Peer} ({MspOf(a.Response!)})")], notEndorsed);
    }

    /// <summary>Whether a peer endorsed: a success status (200–399).</summary>
    public static bool Succeeded(Protos.ProposalResponse response) => response.Response.Status is >= 200 and < 400;

    // The endorser's organisation as the validator sees it: from the identity that signed the endorsement.
    private static string MspOf(Protos.ProposalResponse response) =>
        Msp.SerializedIdentity.Parser.ParseFrom(response.Endorsement.Endorser).Mspid;
}
