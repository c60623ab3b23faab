-- wrk: rotate over read routes of the gateway, with the bearer token from the TOKEN environment variable.
local paths = {
  "/api/v1/projects",
  "/api/v1/projects/demo-project",
  "/api/v1/projects/demo-project/deployments",
  "/api/v1/projects/demo-project/deployments/image-classifier/versions",
  "/api/v1/projects/demo-project/deployments/image-classifier/versions/v1/environment-variables/effective",
  "/api/v1/projects/demo-project/quotas",
  "/api/v1/templates",
}
local i = 0
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
