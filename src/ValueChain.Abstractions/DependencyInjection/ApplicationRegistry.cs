namespace ValueChain;

/// <summary>
/// Which applications were added to one service collection, and whether an <c>Add…</c> call brought settings.
/// Kept in the service collection itself, so that two <c>AddValueChain</c> calls on it see the same record.
/// </summary>
internal sealed class ApplicationRegistry
{
    private readonly Dictionary<Type, bool> _configured = [];

    /// <summary>Records a call; returns true for the application's first.</summary>
    /// <exception cref="ConfigurationException">An earlier call brought settings and this one does too.</exception>
    public bool Register(Type optionsType, string addMethod, bool configuresOptions)
    {
        if (!_configured.TryGetValue(optionsType, out bool configured))
        {
            _configured[optionsType] = configuresOptions;
            return true;
        }

        if (configured && configuresOptions)
        {
            throw new ConfigurationException(
                $"{addMethod} was called a second time with settings on the same service collection; one deployment has one set of {optionsType.Name}. " +
                $"Give all settings to one {addMethod} call (or add to them with services.Configure<{optionsType.Name}>(...)), and call {addMethod}() without arguments anywhere else it must be ensured.");
        }

        _configured[optionsType] = configured || configuresOptions;
        return false;
    }
}
