// Which corpus folders and catalogues the server reads, and on whose word. Settings that come
// with a workspace (a shared repository's .vscode/settings.json, a project's local editor
// configuration) must not make the server read any file on the machine: a path they name is
// read only inside the workspace folders and the user's home folder. A path the user's own
// settings name is read wherever it is.
//
// Who said what:
// - initializationOptions.corpus ({ paths, catalogues }) is the user's: it comes from the
//   editor's own configuration of the server, not from a project.
// - Values pulled with workspace/configuration count as the workspace's, unless the client
//   lists them as the user's in initializationOptions.userSettings.corpus (VS Code's client
//   sends its user-settings values there, and again with unres/didChangeUserSettings when they
//   change): editors fill workspace/configuration from project files as well as from the user.
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { CorpusSources } from './corpusLoader';

export const PATHS_SETTING = 'unres.corpus.paths';
export const CATALOGUES_SETTING = 'unres.corpus.catalogues';


export interface CorpusSettingValues {
  paths: string[];
  catalogues: string[];
}

/** What the client said at initialization about the corpus settings. */
export interface ClientCorpusSettings {
  /** initializationOptions.corpus: read wherever it points, in addition to what is pulled. */
  initial: CorpusSettingValues;
  /** The values of the user's own settings, when the client says them. */
  user?: CorpusSettingValues;
}

/** One workspace folder's pulled `unres.corpus` section (undefined when nothing was pulled). */
export interface PulledCorpusSettings {
  /** The folder the values are relative to. */
  folder: string;
  settings: unknown;
}

export function clientCorpusSettings(initializationOptions: unknown): ClientCorpusSettings {
  const options = isRecord(initializationOptions) ? initializationOptions : {};
  return { initial: settingValues(options.corpus), user: userCorpusSettings(options.userSettings) };
}

/** The user's values from `{ corpus: { paths, catalogues } }` (initialization or notification), or undefined. */
export function userCorpusSettings(value: unknown): CorpusSettingValues | undefined {
  return isRecord(value) && isRecord(value.corpus) ? settingValues(value.corpus) : undefined;
}

/**
 * The folders and catalogues to read: every folder's pulled values and the initial ones,
 * resolved against the folder (`~` is the home folder); those only the workspace names are
 * confined to the workspace folders and the home folder.
 */
export function corpusSourcesOf(
  pulled: readonly PulledCorpusSettings[],
  client: ClientCorpusSettings,
  workspaceFolders: readonly string[],
  shippedDir: string | undefined,
  home: string = os.homedir(),
): CorpusSources {
  const folders = new Map<string, string | undefined>();
  const catalogues = new Map<string, string | undefined>();
  // Path -> undefined when the user names it, else the workspace setting that does: the user's
  // word wins.
  const add = (into: Map<string, string | undefined>, file: string, workspaceSetting: string | undefined) => {
    if (!into.has(file) || workspaceSetting === undefined) into.set(file, workspaceSetting);
  };
  for (const { folder, settings } of pulled) {
    for (const value of client.initial.paths) add(folders, resolveSetting(folder, value, home), undefined);
    for (const value of client.initial.catalogues) add(catalogues, resolveSetting(folder, value, home), undefined);
    if (settings === undefined) continue;
    const values = settingValues(settings);
    for (const value of values.paths) add(folders, resolveSetting(folder, value, home), client.user?.paths.includes(value) ? undefined : PATHS_SETTING);
    for (const value of values.catalogues) add(catalogues, resolveSetting(folder, value, home), client.user?.catalogues.includes(value) ? undefined : CATALOGUES_SETTING);
  }
  const sources: CorpusSources = { shippedDir, folders: [...folders.keys()], catalogues: [...catalogues.keys()] };
  const confined: Record<string, string> = {};
  for (const into of [folders, catalogues]) for (const [file, setting] of into) if (setting !== undefined) confined[file] = setting;
  if (Object.keys(confined).length > 0) {
    const roots = workspaceFolders.map((folder) => path.resolve(folder));
    // A home folder at the root of the file system would confine nothing.
    if (home && path.resolve(home) !== path.parse(path.resolve(home)).root) roots.push(path.resolve(home));
    sources.confined = { roots, settings: confined };
  }
  return sources;
}

/** A workspace folder URI as a path, or undefined when it is not a file: URI. */
export function folderPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function resolveSetting(folder: string, value: string, home: string): string {
  const expanded = value === '~' || value.startsWith('~/') || value.startsWith('~\\') ? path.join(home, value.slice(1)) : value;
  return path.resolve(folder, expanded);
}

function settingValues(value: unknown): CorpusSettingValues {
  const record = isRecord(value) ? value : {};
  return { paths: stringList(record.paths), catalogues: stringList(record.catalogues) };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
