// The examples menu. Realistic files, each showing off different rule families.
import sampleManifest from '../tests/fixtures/oci-manifest.json?raw';

export const SAMPLE_MANIFEST = sampleManifest;

export const EXAMPLES = [
  {
    id: 'node',
    title: 'Bloated Node.js app',
    source: `FROM node:latest

WORKDIR /usr/src/app

RUN apt-get update
RUN apt-get install -y python3 make g++ curl git

COPY . .
RUN npm install
RUN npm run build

ENV NODE_ENV production
EXPOSE 3000
CMD npm start
`,
  },
  {
    id: 'python',
    title: 'Python web app',
    source: `FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \\
    PYTHONUNBUFFERED=1

WORKDIR /app

RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

RUN useradd --create-home appuser
USER appuser

EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi:application"]
`,
  },
  {
    id: 'go',
    title: 'Go multi-stage build',
    source: `# syntax=docker/dockerfile:1

FROM golang:1.23 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build \\
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/server /server
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/server"]
`,
  },
  {
    id: 'windows',
    title: 'Windows (escape=`)',
    source: `# escape=\`

FROM mcr.microsoft.com/windows/servercore:ltsc2022

SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]

ADD https://nodejs.org/dist/v20.11.0/node-v20.11.0-x64.msi C:\\temp\\node.msi
RUN Start-Process msiexec.exe -ArgumentList '/i', 'C:\\temp\\node.msi', '/quiet' -Wait ; \`
    Remove-Item C:\\temp\\node.msi

WORKDIR C:\\app
COPY . .
RUN npm ci
CMD ["node", "server.js"]
`,
  },
  {
    id: 'bad',
    title: 'Deliberately bad',
    source: `FROM ubuntu
MAINTAINER someone@example.com
RUN apt-get update && apt-get install curl wget
ENV API_TOKEN=sk_live_51HxQ2eEXAMPLEEXAMPLE
ADD app.tar.gz /app
RUN cd /app && make
RUN sudo chmod -R 777 /app
RUN curl -sSL https://example.com/install.sh | sh
WORKDIR app
EXPOSE 80000
USER root
CMD ./start.sh
`,
  },
];

export const DEFAULT_CONFIG_TOML = `# stowage.toml: rule selection, severities and rule options.
# Rules can be named by code, name, family or alias.

# select = ["all"]
extend-select = []
ignore = []

[severity]
# SEC001 = "error"
`;
