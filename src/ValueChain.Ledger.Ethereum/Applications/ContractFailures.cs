namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Application adapters report a contract's refusal as the ports do on every driver: a plain
/// <see cref="ChaincodeException"/> with the stable code (the custom error's name in snake case) and the
/// reason, whatever revert type the driver decoded. The original stays available as the inner detail of
/// the message only; callers match on codes, never on driver types.
/// </summary>
public static class ContractFailures
{
    /// <summary>Runs <paramref name="call"/>, turning a contract revert into a <see cref="ChaincodeException"/>.</summary>
    public static async Task<T> AsChaincodeAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ContractRevertedException revert)
        {
            throw new ChaincodeException(revert.Code, revert.Message);
        }
    }
}
