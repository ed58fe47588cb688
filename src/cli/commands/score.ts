import { CliError, type Command } from '../command';

export const command: Command = () => {
  throw new CliError('the "score" command is not available in this build');
};
