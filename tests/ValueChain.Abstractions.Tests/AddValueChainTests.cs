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

    private sealed class SomeOptions;

    [Fact]
    public void An_application_registers_once_repeats_without_settings_change_nothing_and_two_with_settings_are_refused()
    {
        var services = new ServiceCollection();
        var results = new List<bool>();

        services.AddValueChain(vc =>
        {
            vc.UseLedgerDriver("in-memory");
            results.Add(vc.RegisterApplication<SomeOptions>("AddSome", configuresOptions: false));
            results.Add(vc.RegisterApplication<SomeOptions>("AddSome", configuresOptions: true));
            results.Add(vc.RegisterApplication<SomeOptions>("AddSome", configuresOptions: false));
        });
        var error = Assert.Throws<ConfigurationException>(() => services.AddValueChain(vc => vc.UseLedgerDriver("in-memory").RegisterApplication<SomeOptions>("AddSome", configuresOptions: true)));

        Assert.Equal([true, false, false], results);
        Assert.Equal(
            "AddSome was called a second time with settings on the same service collection; one deployment has one set of SomeOptions. " +
            "Give all settings to one AddSome call (or add to them with services.Configure<SomeOptions>(...)), and call AddSome() without arguments anywhere else it must be ensured.",
            error.Message);
    }
}

