package io.cordon.notification.rest.taxii;

import io.cordon.notification.service.TaxiiCredentials;
import io.cordon.notification.service.taxii.TaxiiCollections;
import io.cordon.notification.service.taxii.TaxiiObject;
import io.cordon.notification.service.taxii.TaxiiPage;
import io.cordon.notification.service.taxii.TaxiiSelection;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A read-only TAXII 2.1 server (OASIS TAXII Version 2.1, 10 June 2021): one API root, one
 * collection per partner holding the STIX objects of its notices. A partner signs in with HTTP
 * Basic (its id and the token an admin issued) and sees its own collection only; another partner's
 * is "not found", so nobody learns which partners exist. JWT roles play no part here.
 */
@Path("/taxii2")
@PermitAll
public class TaxiiResource {
  static final String API_ROOT = "partners";

  @Inject TaxiiCredentials credentials;
  @Inject TaxiiCollections collections;

  @GET
  @Path("/")
  public Response discovery(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      UriInfo uri) {
    return signedIn(
        authorization,
        accept,
        partner -> {
          String root = uri.getBaseUriBuilder().path("taxii2").path(API_ROOT).build() + "/";
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("title", "Cordon partner intelligence");
          body.put(
              "description",
              "Indicators and exposure of the incidents that affected your organisation");
          body.put("default", root);
          body.put("api_roots", List.of(root));
          return TaxiiMedia.ok(body);
        });
  }

  @GET
  @Path("/" + API_ROOT + "/")
  public Response apiRoot(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return signedIn(
        authorization,
        accept,
        partner -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("title", "Cordon partner notices");
          body.put("versions", List.of(TaxiiMedia.TAXII));
          body.put("max_content_length", 0); // read-only: nothing may be added
          return TaxiiMedia.ok(body);
        });
  }

  @GET
  @Path("/" + API_ROOT + "/collections/")
  public Response collectionList(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return signedIn(
        authorization,
        accept,
        partner ->
            TaxiiMedia.ok(
                Map.of(
                    "collections",
                    collections.collectionOf(partner).map(TaxiiResource::collection).stream()
                        .toList())));
  }

  @GET
  @Path("/" + API_ROOT + "/collections/{id}/")
  public Response collection(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      @PathParam("id") String id) {
    return inOwnCollection(
        authorization,
        accept,
        id,
        partner -> TaxiiMedia.ok(collection(collections.collectionOf(partner).orElseThrow())));
  }

  @GET
  @Path("/" + API_ROOT + "/collections/{id}/objects/")
  public Response objects(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      @PathParam("id") String id,
      UriInfo uri) {
    return inOwnCollection(
        authorization, accept, id, partner -> envelope(partner, uri, null, false));
  }

  @GET
  @Path("/" + API_ROOT + "/collections/{id}/objects/{objectId}/")
  public Response object(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      @PathParam("id") String id,
      @PathParam("objectId") String objectId,
      UriInfo uri) {
    return inOwnCollection(
        authorization, accept, id, partner -> envelope(partner, uri, objectId, false));
  }

  @GET
  @Path("/" + API_ROOT + "/collections/{id}/manifest/")
  public Response manifest(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      @PathParam("id") String id,
      UriInfo uri) {
    return inOwnCollection(
        authorization, accept, id, partner -> envelope(partner, uri, null, true));
  }

  private Response envelope(UUID partner, UriInfo uri, String objectId, boolean manifest) {
    TaxiiPage page;
    try {
      page =
          TaxiiSelection.select(
              collections.objects(partner), TaxiiFilters.read(uri.getQueryParameters(), objectId));
    } catch (TaxiiFilters.BadFilter e) {
      return TaxiiMedia.error(Response.Status.BAD_REQUEST, "Bad filter", e.getMessage());
    }
    if (objectId != null && page.objects().isEmpty() && page.next() == null) {
      return TaxiiMedia.error(
          Response.Status.NOT_FOUND, "Object not found", "No object " + objectId + " here");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("more", page.more());
    if (page.next() != null) {
      body.put("next", TaxiiFilters.next(page.next()));
    }
    if (!page.objects().isEmpty()) {
      body.put(
          "objects",
          page.objects().stream()
              .map(o -> manifest ? manifestRecord(o) : (Object) o.stix())
              .toList());
    }
    Response.ResponseBuilder response = Response.fromResponse(TaxiiMedia.ok(body));
    if (!page.objects().isEmpty()) {
      response.header(
          "X-TAXII-Date-Added-First", TaxiiMedia.timestamp(page.objects().get(0).dateAdded()));
      response.header(
          "X-TAXII-Date-Added-Last",
          TaxiiMedia.timestamp(page.objects().get(page.objects().size() - 1).dateAdded()));
    }
    return response.build();
  }

  private static Map<String, Object> manifestRecord(TaxiiObject object) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", object.id());
    record.put("date_added", TaxiiMedia.timestamp(object.dateAdded()));
    record.put("version", TaxiiMedia.timestamp(object.version()));
    record.put("media_type", TaxiiMedia.STIX);
    return record;
  }

  private static Map<String, Object> collection(TaxiiCollections.Collection collection) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", collection.id().toString());
    body.put("title", "Notices for " + collection.partnerName());
    body.put("description", "STIX 2.1 objects of every Cordon notice sent to this partner");
    body.put("can_read", true);
    body.put("can_write", false);
    body.put("media_types", List.of(TaxiiMedia.STIX));
    return body;
  }

  private Response inOwnCollection(
      String authorization, String accept, String id, Function<UUID, Response> handler) {
    return signedIn(
        authorization,
        accept,
        partner ->
            partner.toString().equalsIgnoreCase(id)
                ? handler.apply(partner)
                : TaxiiMedia.error(
                    Response.Status.NOT_FOUND, "Collection not found", "No collection " + id));
  }

  private Response signedIn(String authorization, String accept, Function<UUID, Response> handler) {
    Optional<UUID> partner = partnerOf(authorization);
    if (partner.isEmpty()) {
      return TaxiiMedia.error(
          Response.Status.UNAUTHORIZED,
          "Authentication required",
          "HTTP Basic with the partner id and its TAXII token");
    }
    if (!TaxiiMedia.acceptable(accept)) {
      return TaxiiMedia.error(
          Response.Status.NOT_ACCEPTABLE,
          "Not acceptable",
          "This server answers " + TaxiiMedia.TAXII);
    }
    return handler.apply(partner.get());
  }

  private Optional<UUID> partnerOf(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return credentials.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
  }
}
