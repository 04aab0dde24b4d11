using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Testing;

namespace ValueChain.Storage.Ipfs.Gateway.Tests;

/// <summary>The gateway composed through DI: hosted with <c>UseContentGateway</c>, options validated at start.</summary>
public sealed class GatewayHostingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UseContentGateway_serves_the_registered_store_on_loopback_while_the_host_runs()
    {
        int port = LoopbackPort.Free();
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Services.AddValueChain(vc => vc.UseLedgerDriver("test").UseContentStore().UseContentGateway(o => o.Port = port));
        IHost host = builder.Build();
        await host.StartAsync(Ct);
        try
        {
            ContentId record = await host.Services.GetRequiredService<IContentStore>().PutRecordAsync("{\"a\":1}"u8.ToArray(), Ct);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            byte[] block = await client.GetByteArrayAsync($"ipfs/{record}?format=raw", Ct);

            Assert.Equal("{\"a\":1}"u8.ToArray(), block);
            Assert.True(Cid.Parse(record).Matches(block));
        }
        finally
        {
            await host.StopAsync(Ct);
            host.Dispose();
        }
    }

    [Fact]
    public async Task A_non_loopback_address_without_AllowRemote_fails_at_start_saying_what_to_set()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Services.AddValueChain(vc => vc.UseLedgerDriver("test").UseContentStore().UseContentGateway(o => o.Address = "0.0.0.0"));
        IHost host = builder.Build();
        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));
        host.Dispose();

        Assert.Contains("AllowRemote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standalone_server_refuses_invalid_options_with_a_configuration_error()
    {
        using var store = Store.EmbeddedContentStore.InMemory();
        ConfigurationException error = await Assert.ThrowsAsync<ConfigurationException>(() =>
            ContentGatewayServer.StartAsync(store, new ContentGatewayOptions { Address = "localhost" }, cancellationToken: Ct));

        Assert.Contains("not an IP address", error.Message, StringComparison.Ordinal);
    }
}
