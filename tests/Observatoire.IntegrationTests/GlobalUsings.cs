// Namespaces most files of this project use, imported once (files keep the usings only they need).
global using System.Net;
global using AngleSharp.Dom;
global using Microsoft.EntityFrameworkCore;
global using Observatoire.IntegrationTests.Infrastructure;
global using Observatoire.Web.Domain;
