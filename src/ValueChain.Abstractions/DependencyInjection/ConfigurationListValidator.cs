using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ValueChain;

/// <summary>
/// Checks at start-up that every entry of a list setting in a configuration section can be read. The
/// configuration binder leaves out, without a word, a list entry it cannot convert (a malformed address, an
/// unknown enum name, a missing value); this names the entry and says what is wrong with it instead.
/// </summary>
/// <typeparam name="TOptions">The options the list belongs to.</typeparam>
/// <typeparam name="TItem">The type of a list entry.</typeparam>
public sealed class ConfigurationListValidator<TOptions, TItem> : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly IConfiguration _section;
    private readonly string _listName;

    /// <summary>Checks the entries under <paramref name="listName"/> of <paramref name="section"/>.</summary>
    /// <param name="section">The configuration section the options are bound from.</param>
    /// <param name="listName">The list property's name, which is also its key in the section.</param>
    public ConfigurationListValidator(IConfiguration section, string listName)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentException.ThrowIfNullOrWhiteSpace(listName);
        _section = section;
        _listName = listName;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        foreach (IConfigurationSection entry in _section.GetSection(_listName).GetChildren())
        {
            try
            {
                _ = entry.Get<TItem>();
            }
            catch (Exception e) when (e is InvalidOperationException or ValueChainException)
            {
                failures.Add($"{typeof(TOptions).Name}.{_listName}: the configuration entry '{entry.Path}' cannot be read as a {typeof(TItem).Name}, so it would be left out; correct it: {Describe(e)}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Describe(Exception error) => error.InnerException is { } inner ? $"{error.Message} {Describe(inner)}" : error.Message;
}
