package org.ubiopsgateway.gateway.activity;

import org.ubiopsgateway.model.activity.RequestObjectType;
import org.ubiopsgateway.model.activity.RequestStatus;
import org.ubiopsgateway.model.activity.SortOrder;

/** The filters of a request listing, as the public surface takes them (each already validated). */
public record RequestSearch(RequestObjectType objectType, RequestStatus status, Boolean success, SortOrder sort,
                            Boolean pipeline, String schedule, String start, String end, String search) {
}
