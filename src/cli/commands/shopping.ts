import { CliError, type Command } from '../command';

export const command: Command = () => {
  throw new CliError('the "shopping" command is not available in this build');
};
