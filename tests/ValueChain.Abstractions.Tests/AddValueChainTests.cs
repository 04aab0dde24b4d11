using Microsoft.Extensions.DependencyInjection;

namespace ValueChain.Abstractions.Tests;

public sealed class AddValueChainTests
{
    [Fact]
    public void Without_a_ledger_driver_start_up_fails_with_a_clear_message()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ConfigurationException>(() => services.AddValueChain(_ => { }));

        Assert.Equal(ErrorCodes.Configuration, error.Code);
        Assert.Contains("No ledger driver is configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseInMemoryLedger()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_ledger_drivers_are_refused()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ConfigurationException>(() => services.AddValueChain(vc => vc.UseLedgerDriver("in-memory").UseLedgerDriver("ethereum")));

        Assert.Contains("'in-memory' and 'ethereum'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_ledger_driver_is_accepted()
    {
        var services = new ServiceCollection();

        services.AddValueChain(vc => vc.UseLedgerDriver("in-memory"));

        Assert.NotNull(services.BuildServiceProvider());
    }
}
