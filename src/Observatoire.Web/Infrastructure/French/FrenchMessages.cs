using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Observatoire.Web.Infrastructure;

/// <summary>Model-binding messages in French (ASP.NET gives them in English by default).</summary>
public static class FrenchMessages
{
    public const string Required = "Ce champ est obligatoire.";
    public const string Email = "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.";

    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"« {value} » n'est pas une valeur valide pour {field}.");
        p.SetMissingBindRequiredValueAccessor(field => $"Le champ {field} est obligatoire.");
        p.SetMissingKeyOrValueAccessor(() => Required);
        p.SetMissingRequestBodyRequiredValueAccessor(() => "La requête est vide.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"« {value} » n'est pas une valeur valide.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Valeur non valide.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Saisissez un nombre.");
        p.SetUnknownValueIsInvalidAccessor(field => $"Valeur non valide pour {field}.");
        p.SetValueIsInvalidAccessor(value => $"« {value} » n'est pas valide.");
        p.SetValueMustBeANumberAccessor(field => $"Saisissez un nombre pour {field}.");
        p.SetValueMustNotBeNullAccessor(field => $"Le champ {field} est obligatoire.");
    }
}
