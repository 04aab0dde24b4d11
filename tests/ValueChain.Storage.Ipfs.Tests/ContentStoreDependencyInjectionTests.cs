using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Storage.Ipfs.Tests;

public sealed class ContentStoreDependencyInjectionTests
{
    [Fact]
    public void The_default_store_is_embedded_in_memory_with_the_2025_profile()
    {
        using ServiceProvider provider = Build(_ => { });

        var store = Assert.IsType<EmbeddedContentStore>(provider.GetRequiredService<IContentStore>());

        Assert.Null(store.Directory);
        Assert.Equal(UnixFsProfile.UnixFsV1Of2025, store.Profile);
    }

    [Fact]
    public async Task A_directory_puts_the_blocks_on_disk()
    {
        using var dir = new TempDirectory();
        using ServiceProvider provider = Build(o => { o.Directory = dir.Path; o.Profile = UnixFsProfile.KuboDefaultV0; });

        IContentStore store = provider.GetRequiredService<IContentStore>();
        ContentId id = await store.AddFileAsync(new MemoryStream("hello"u8.ToArray()), TestContext.Current.CancellationToken);

        Assert.Equal("QmWfVY9y3xjsixTgbd9AorQxH7VtMpzfx2HaWtsoUYecaX", id.Value);
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(dir.Path, "blocks"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_unusable_profile_fails_validation_with_a_message_that_says_what_to_change()
    {
        using ServiceProvider provider = Build(o => o.Profile = new UnixFsProfile(0, true, 0, 1));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IContentStore>());

        Assert.Contains("RawLeaves needs CidVersion 1", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Action<ValueChain.Storage.Ipfs.ContentStoreOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc.UseLedgerDriver("test").UseContentStore(configure));
        return services.BuildServiceProvider();
    }
}
