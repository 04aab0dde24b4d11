using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ValueChain.Ledger.Fabric.Tests.Health;

/// <summary>
/// A gRPC server on a free loopback port that answers the two questions a health check asks a Fabric peer, as
/// Fabric 2.5 answers them: the deliver service's newest filtered block of a channel the peer has joined (status
/// NOT_FOUND for any other channel), and <c>_lifecycle.QueryChaincodeDefinition</c> through the endorser (status 500,
/// "namespace … is not defined", for a chaincode without a definition). CI has no Fabric network; the live suite
/// runs the same check against real peers.
/// </summary>
internal sealed class AnsweringPeer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AnsweringPeer(WebApplication app, PeerState state)
    {
        _app = app;
        State = state;
    }

    /// <summary>What the peer answers; tests change it between checks.</summary>
    public PeerState State { get; }

    /// <summary>The peer's address for a <see cref="FabricEndpoint"/>.</summary>
    public string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<AnsweringPeer> StartAsync(string channel, params string[] definedChaincodes)
    {
        var state = new PeerState(channel, [.. definedChaincodes]);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(state);
        WebApplication app = builder.Build();
        app.MapGrpcService<PeerServices>();
        await app.StartAsync();
        return new AnsweringPeer(app, state);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The peer's channel, its newest block and the chaincodes defined on it.</summary>
    internal sealed class PeerState(string channel, HashSet<string> defined)
    {
        public string Channel { get; } = channel;

        public long Head { get; set; } = 7;

        public HashSet<string> Defined { get; } = defined;

        public List<string> Queried { get; } = [];
    }

    /// <summary>
    /// protos.Deliver/DeliverFiltered and protos.Endorser/ProcessProposal, bound by hand (the driver compiles only the
    /// clients). ASP.NET Core's binder finds each handler as an override of a virtual method of the type that binds it.
    /// </summary>
    [BindServiceMethod(typeof(PeerServiceBinding), nameof(BindService))]
    internal abstract class PeerServiceBinding
    {
        private static readonly Method<Common.Envelope, Protos.DeliverResponse> Deliver = new(
            MethodType.DuplexStreaming, "protos.Deliver", "DeliverFiltered", Marshal(Common.Envelope.Parser), Marshal(Protos.DeliverResponse.Parser));

        private static readonly Method<Protos.SignedProposal, Protos.ProposalResponse> Endorse = new(
            MethodType.Unary, "protos.Endorser", "ProcessProposal", Marshal(Protos.SignedProposal.Parser), Marshal(Protos.ProposalResponse.Parser));

        public static void BindService(ServiceBinderBase binder, PeerServiceBinding? service)
        {
            binder.AddMethod(Deliver, (DuplexStreamingServerMethod<Common.Envelope, Protos.DeliverResponse>)null!);
            binder.AddMethod(Endorse, (UnaryServerMethod<Protos.SignedProposal, Protos.ProposalResponse>)null!);
        }

        public abstract Task DeliverFiltered(IAsyncStreamReader<Common.Envelope> requests, IServerStreamWriter<Protos.DeliverResponse> responses, ServerCallContext context);

        public abstract Task<Protos.ProposalResponse> ProcessProposal(Protos.SignedProposal request, ServerCallContext context);

        private static Marshaller<T> Marshal<T>(MessageParser<T> parser) where T : IMessage<T> =>
            Marshallers.Create(m => m.ToByteArray(), parser.ParseFrom);
    }

    /// <summary>The answers, from <see cref="PeerState"/>.</summary>
    internal sealed class PeerServices(PeerState state) : PeerServiceBinding
    {
        public override async Task DeliverFiltered(IAsyncStreamReader<Common.Envelope> requests, IServerStreamWriter<Protos.DeliverResponse> responses, ServerCallContext context)
        {
            if (!await requests.MoveNext(context.CancellationToken))
            {
                return;
            }

            Common.Payload payload = Common.Payload.Parser.ParseFrom(requests.Current.Payload);
            string channel = Common.ChannelHeader.Parser.ParseFrom(payload.Header.ChannelHeader).ChannelId;
            await responses.WriteAsync(channel == state.Channel
                ? new Protos.DeliverResponse { FilteredBlock = new Protos.FilteredBlock { ChannelId = channel, Number = (ulong)state.Head } }
                : new Protos.DeliverResponse { Status = Common.Status.NotFound });
        }

        public override Task<Protos.ProposalResponse> ProcessProposal(Protos.SignedProposal request, ServerCallContext context)
        {
            Protos.Proposal proposal = Protos.Proposal.Parser.ParseFrom(request.ProposalBytes);
            Protos.ChaincodeInput input = Protos.ChaincodeInvocationSpec.Parser.ParseFrom(Protos.ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload).Input).ChaincodeSpec.Input;
            string name = Lifecycle.QueryChaincodeDefinitionArgs.Parser.ParseFrom(input.Args[1]).Name;
            lock (state.Queried)
            {
                state.Queried.Add($"{input.Args[0].ToStringUtf8()}({name})");
            }

            Protos.Response response = state.Defined.Contains(name)
                ? new Protos.Response { Status = 200, Payload = new Lifecycle.QueryChaincodeDefinitionResult { Sequence = 3, Version = "1.2" }.ToByteString() }
                : new Protos.Response { Status = 500, Message = $"namespace {name} is not defined" };
            return Task.FromResult(new Protos.ProposalResponse { Response = response });
        }
    }
}
