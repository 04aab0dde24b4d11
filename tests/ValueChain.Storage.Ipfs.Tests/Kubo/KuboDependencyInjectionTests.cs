using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Kubo;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Tests.Kubo;

public sealed class KuboDependencyInjectionTests
{
    [Fact]
    public async Task UseKubo_makes_the_store_a_Kubo_client_with_the_configured_profile()
    {
        await using FakeKuboNode node = await FakeKuboNode.StartAsync();
        using ServiceProvider provider = Build(o => o.UseKubo(node.Api.ToString()).Profile = UnixFsProfile.KuboDefaultV0);

        var store = Assert.IsType<KuboContentStore>(provider.GetRequiredService<IContentStore>());
        ContentId id = await store.AddFileAsync(new MemoryStream("hello"u8.ToArray()), TestContext.Current.CancellationToken);

        Assert.Equal(node.Api, store.Api);
        Assert.Equal("QmWfVY9y3xjsixTgbd9AorQxH7VtMpzfx2HaWtsoUYecaX", id.Value);
    }

    [Theory]
    [InlineData("ftp://node:5001", null, "absolute http or https URL")]
    [InlineData("http://127.0.0.1:5001", "content", "set one of them")]
    public void A_Kubo_address_that_cannot_work_fails_validation_saying_what_to_change(string api, string? directory, string message)
    {
        using ServiceProvider provider = Build(o => { o.UseKubo(api); o.Directory = directory; });

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IContentStore>());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Action<ContentStoreOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc.UseLedgerDriver("test").UseContentStore(configure));
        return services.BuildServiceProvider();
    }
}
