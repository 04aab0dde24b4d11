namespace ValueChain.Testing.Ethereum;

/// <summary>Releases several owners as one, in the order given, each even when an earlier one fails.</summary>
internal sealed class DisposeInOrder(params IAsyncDisposable[] owners) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        List<Exception> failures = [];
        foreach (IAsyncDisposable owner in owners)
        {
            try
            {
                await owner.DisposeAsync();
            }
            catch (Exception failure)
            {
                failures.Add(failure);
            }
        }

        if (failures.Count > 0)
        {
            throw failures.Count == 1 ? failures[0] : new AggregateException(failures);
        }
    }
}
