namespace ValueChain.Testing.Ethereum;

/// <summary>
/// What a deployment for one test holds, released together: its HTTP client, its signers' clients, the folder of
/// its manifest and, when the test has a node of its own, that node (after <c>beforeStop</c>, which may still read it).
/// </summary>
internal sealed class TemporaryDeployment(HttpClient http, SignerClients clients, string folder, AnvilNode? ownNode = null, Func<AnvilNode, Task>? beforeStop = null) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (ownNode is not null && beforeStop is not null)
            {
                await beforeStop(ownNode);
            }
        }
        finally
        {
            clients.Dispose();
            http.Dispose();
            Directory.Delete(folder, recursive: true);
            if (ownNode is not null)
            {
                await ownNode.DisposeAsync();
            }
        }
    }
}
