using Observatoire.IntegrationTests.Observations;

namespace Observatoire.IntegrationTests.Annuaire;

/// <summary>The « Rattacher » and « Détacher » forms of a person's page (<c>/annuaire/acteurs/{slug}</c>), as a browser submits them.</summary>
public static class MembershipForms
{
    /// <summary>Links the person to the structure with this role (linking again to the same structure changes the role).</summary>
    public static Task<HttpResponseMessage> LinkToStructure(this HttpClient client, string personUrl, int structureId, string role) =>
        client.PostMainForm(personUrl, new Dictionary<string, string>
            { ["Membership.StructureId"] = structureId.ToString(), ["Membership.Role"] = role }, "main form[action*='handler=Rattacher']");

    /// <summary>Removes the person's link to its structure.</summary>
    public static Task<HttpResponseMessage> Unlink(this HttpClient client, string personUrl) =>
        client.PostMainForm(personUrl, new Dictionary<string, string>(), "main form[action*='handler=Detacher']");
}
