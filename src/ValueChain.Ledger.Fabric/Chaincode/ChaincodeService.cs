using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace ValueChain.Ledger.Fabric.Chaincode;

/// <summary>The <c>Chaincode</c> gRPC service of chaincode_shim.proto: each peer connection is one shim session.</summary>
internal sealed class ChaincodeService : Protos.Chaincode.ChaincodeBase
{
    private readonly FabricChaincodeServerOptions _options;
    private readonly CreatorAddresses _creators = new();
    private readonly ILogger<ChaincodeService> _logger;

    public ChaincodeService(FabricChaincodeServerOptions options, ILogger<ChaincodeService> logger)
    {
        _options = options;
        _logger = logger;
    }

    public override Task Connect(IAsyncStreamReader<Protos.ChaincodeMessage> requestStream, IServerStreamWriter<Protos.ChaincodeMessage> responseStream, ServerCallContext context) =>
        new ShimSession(requestStream, responseStream, _options.ChaincodeId, _options.ChaincodeFor, _options.CollectionsFor, _creators, _logger).RunAsync(context.CancellationToken);
}
